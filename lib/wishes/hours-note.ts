// Pure: how a wish's service hours read in the passbook and the organisers' export, in plain
// words: the wish and whom it was for ("一副老花镜 · 黄奶奶"). The service and the demo share it.

export const wishHoursNote = (w: { title: string; alias: string }) => `${w.title} · ${w.alias}`;
