/** A reply's notes about the language model, leaving out the one that says more papers rank close. */
export const modelNotes = (reply: { notes: string[] }) => reply.notes.filter((note) => !note.includes('say "more"'));
