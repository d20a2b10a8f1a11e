/** Pages are served from an internal /zh-CN or /en segment; links and forms use the address without it. */
export function publicPath(pathname: string): string {
  return pathname.replace(/^\/(?:zh-CN|en)(?=\/|$)/, "") || "/";
}
