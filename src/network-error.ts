/**
 * Node's fetch reports every network failure as "fetch failed"; the reason
 * (DNS, refused, TLS) is in `cause`. This names it, so a user knows whether
 * to fix a host name, start a server, or look at certificates or a proxy.
 */
type Cause = { code?: string; message?: string; reason?: string; hostname?: string; address?: string; port?: number; errors?: Cause[] };

const TLS = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|EPROTO$)/;

export function describeNetworkError(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const failure = error as Error & { cause?: Cause };
  if (failure?.name === "TimeoutError") return "no answer in time";
  let cause: Cause = failure?.cause ?? (failure as Cause);
  // Happy eyeballs tries IPv4 and IPv6 and reports both; the first says enough.
  if (!cause.code && cause.errors?.[0]) cause = cause.errors[0];
  const code = cause.code ?? "";
  const where = cause.address ? `${cause.address}${cause.port ? `:${cause.port}` : ""}` : "";
  let reason: string;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") reason = `DNS lookup failed for ${cause.hostname ?? "the host"} (${code})`;
  else if (code === "ECONNREFUSED") reason = `connection refused${where ? ` by ${where}` : ""} (is the server running?)`;
  else if (code === "ECONNRESET") reason = "the connection was reset";
  else if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") reason = "the connection timed out";
  else if (TLS.test(code)) reason = `TLS failed: ${cause.reason ?? cause.message?.split("\n")[0] ?? code} (${code})`; // OpenSSL's message is a multi-line dump; `reason` is its gist
  else reason = cause.message && cause.message !== failure?.message ? `${cause.message}${code ? ` (${code})` : ""}` : (failure?.message ?? String(error));
  return `${reason}${proxyHint(env)}`;
}

/** Node's fetch ignores HTTP(S)_PROXY unless NODE_USE_ENV_PROXY=1 (Node 24): the usual surprise behind a proxy. */
function proxyHint(env: NodeJS.ProcessEnv): string {
  const proxy = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].find((name) => env[name]);
  return proxy && env.NODE_USE_ENV_PROXY !== "1" ? `; ${proxy} is set, but Node uses it only with NODE_USE_ENV_PROXY=1` : "";
}
