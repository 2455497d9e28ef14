import type { Data, Field, FixedSizeList, Float32, Table as ArrowTable } from "apache-arrow";
import { normalizeTitle } from "../../papers/paper.ts";
import type { EmbedderStamp, StoredPaperWithVector } from "../paper-store.ts";
import { arrow } from "./arrow.ts";
import { papersSchema, toRow, type PaperRow } from "./schema.ts";

const { makeData, RecordBatch, Struct, Table, vectorFromArray } = arrow;

/**
 * A batch of papers as one Arrow table, built column by column. Handing
 * LanceDB plain row objects makes it infer and convert every value,
 * hundreds of boxed numbers per vector; here the vectors are copied once into
 * one Float32Array that becomes the vector column as it is.
 */
export function paperTable(papers: StoredPaperWithVector[], stamp: EmbedderStamp): ArrowTable {
  const schema = papersSchema(stamp.dims);
  const rows = papers.map((paper) => toRow(paper, normalizeTitle(paper.title), stamp.embedder));
  const children = schema.fields.map((field) => (field.name === "vector" ? vectorColumn(field, rows, stamp.dims) : scalarColumn(field, rows)));
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table([new RecordBatch(schema, data)]);
}

function scalarColumn(field: Field, rows: PaperRow[]): Data {
  const name = field.name as keyof PaperRow;
  return vectorFromArray(rows.map((row) => row[name] as unknown), field.type).data[0]!;
}

function vectorColumn(field: Field, rows: PaperRow[], dims: number): Data {
  const values = new Float32Array(rows.length * dims);
  rows.forEach((row, index) => {
    if (row.vector.length !== dims) throw new Error(`vector of ${row.id} has ${row.vector.length} dimensions, the library ${dims}`);
    values.set(row.vector, index * dims);
  });
  const type = field.type as FixedSizeList<Float32>;
  const child = makeData({ type: type.children[0]!.type, length: values.length, nullCount: 0, data: values });
  return makeData({ type, length: rows.length, nullCount: 0, child });
}
