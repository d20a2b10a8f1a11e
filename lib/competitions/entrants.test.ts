import { describe, expect, it } from "vitest";
import { entrantsFrom } from "./entrants";

describe("entrants made from the registrations holding a place", () => {
  it("pair partners who named each other, leave a player without one waiting, and make teams by their name", () => {
    const row = (
      id: string,
      name: string,
      extra: Partial<{ team: string | null; partnerId: string | null; level: string | null }> = {},
    ) => ({
      id,
      userId: `u-${id}`,
      participantKey: "self",
      name,
      team: null,
      partnerId: null,
      level: "intermediate",
      ...extra,
    });
    const pairs = entrantsFrom("pair", [
      row("1", "王一", { partnerId: "2" }),
      row("2", "李二", { partnerId: "1", level: "advanced" }),
      row("3", "张三", { partnerId: "1" }),
      row("4", "赵四"),
    ]);
    expect(pairs.entrants.map((e) => [e.name, e.skill, e.members.map((m) => m.registrationId).sort()])).toEqual([
      ["李二 / 王一", 3, ["1", "2"]],
    ]);
    expect(pairs.waiting.sort()).toEqual(["张三", "赵四"].sort());
    const teams = entrantsFrom("team", [
      row("1", "王一", { team: "三栋" }),
      row("2", "李二", { team: "五栋" }),
      row("3", "张三", { team: "三栋" }),
      row("4", "赵四"),
    ]);
    expect(teams.entrants.map((e) => [e.name, e.members.length])).toEqual([
      ["三栋", 2],
      ["五栋", 1],
    ]);
    expect(teams.waiting).toEqual(["赵四"]);
  });
});
