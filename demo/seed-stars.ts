import { and, eq, inArray, isNotNull, like } from "drizzle-orm";
import { newReceipt, shuffle } from "@/lib/stars/receipt";
import {
  starBallots,
  starCategories,
  starNominations,
  starReceipts,
  starVotes,
  starWinners,
  festivals,
  users,
} from "@/db/schema";
import type { Tx } from "@/db/types";

// Neighbourhood Stars in the demo: the four categories of the real community, the 15th festival
// with nominations in every state (nominations are open, so nobody has voted yet), and the 14th's
// published results: its ballots mixed, as after every close, into counted votes and receipts.

const CATEGORIES = [
  {
    name: "热心公益之星",
    description: "长期参与社区志愿服务、热心公益的居民。",
    winners: 2,
    votesPerVoter: 2,
    mode: "resident" as const,
  },
  {
    name: "孝老爱亲之星",
    description: "孝敬老人、关爱家人，家风好的居民。",
    winners: 1,
    votesPerVoter: 1,
    mode: "resident" as const,
  },
  {
    name: "邻里互助之星",
    description: "热心帮助邻居、化解矛盾的好邻居。",
    winners: 1,
    votesPerVoter: 1,
    mode: "resident" as const,
  },
  {
    name: "文明家庭",
    description: "家庭和睦、文明有礼的家庭，每户一票。",
    winners: 1,
    votesPerVoter: 1,
    mode: "household" as const,
  },
];

const STORIES_15 = [
  {
    category: 0,
    nominee: "13800000002",
    story: "王阿姨每周三都到社区食堂帮忙，给独居老人送饭，风雨无阻已经五年了。",
    status: "approved" as const,
  },
  {
    category: 0,
    name: "周建华",
    building: "美湖花园 3栋",
    unit: "2单元",
    story: "周师傅退休后义务给邻居修水管、修电器，从不收钱，大家有事都找他。",
    status: "approved" as const,
  },
  {
    category: 0,
    name: "周建华",
    building: "美湖花园 3栋",
    unit: "2单元",
    story: "去年冬天楼道水管冻裂，是周师傅半夜起来关的总阀。",
    status: "pending" as const,
  },
  {
    category: 1,
    name: "李桂兰",
    building: "湖畔雅苑 5栋",
    unit: "1单元",
    story: "李奶奶照顾瘫痪在床的老伴十二年，还常去看望楼里的空巢老人。",
    status: "pending" as const,
  },
  {
    category: 2,
    name: "孙海涛",
    building: "美湖花园 1栋",
    unit: "1单元",
    story: "孙海涛组织了楼栋微信群，谁家有急事他都第一个到。",
    status: "pending" as const,
  },
  {
    category: 2,
    name: "何丽娟",
    building: "湖畔雅苑 2栋",
    unit: "3单元",
    story: "何丽娟是楼道长，调解了好几起邻里纠纷。",
    status: "rejected" as const,
    reason: "同一人已在社区其他评选中获奖。",
  },
];

const RESULTS_14 = [
  {
    category: 0,
    name: "陈玉梅",
    building: "美湖花园 2栋",
    story: "陈玉梅组织社区志愿者服务队十多年，疫情期间每天在卡口值守。",
    votes: 14,
  },
  {
    category: 0,
    name: "郭国庆",
    building: "湖畔雅苑 1栋",
    story: "郭国庆坚持每天清扫小区公共区域，义务看护自行车棚。",
    votes: 11,
  },
  { category: 0, name: "马卫东", building: "美湖花园 4栋", story: "马卫东常年为社区老人理发。", votes: 7 },
  {
    category: 1,
    name: "林淑芬",
    building: "美湖花园 1栋",
    story: "林淑芬二十年如一日照顾婆婆，把婆婆当亲妈。",
    votes: 13,
  },
  { category: 1, name: "高德华", building: "湖畔雅苑 3栋", story: "高德华每天推着九十岁的父亲在小区散步。", votes: 9 },
  {
    category: 2,
    name: "罗红梅",
    building: "美湖花园 5栋",
    story: "罗红梅帮邻居接送孩子、照看老人，谁家有困难她都搭把手。",
    votes: 12,
  },
  { category: 2, name: "黄志明", building: "湖畔雅苑 4栋", story: "黄志明帮楼里的老人申请了电梯加装。", votes: 10 },
  {
    category: 3,
    name: "朱春生家",
    building: "美湖花园 3栋",
    story: "朱家三代同堂，和睦有礼，常年资助社区困难学生。",
    votes: 8,
  },
  {
    category: 3,
    name: "徐玉梅家",
    building: "湖畔雅苑 2栋",
    story: "徐家主动调解楼道矛盾，带头做垃圾分类。",
    votes: 5,
  },
];

export async function seedStars(tx: Tx, f14Id: string, f15Id: string) {
  const verified = await tx
    .select({ id: users.id, householdId: users.householdId })
    .from(users)
    .where(and(isNotNull(users.verifiedAt), like(users.phone, "13955%")))
    .orderBy(users.phone);
  const demo = await tx
    .select({ id: users.id, phone: users.phone, householdId: users.householdId })
    .from(users)
    .where(inArray(users.phone, ["13800000002", "13800000004"]));
  const wang = demo.find((u) => u.phone === "13800000002")!;
  const liu = demo.find((u) => u.phone === "13800000004")!;

  // The 15th: categories and nominations (nominations are open; voting comes later).
  const cats15 = await tx
    .insert(starCategories)
    .values(CATEGORIES.map((c, position) => ({ ...c, festivalId: f15Id, position })))
    .returning({ id: starCategories.id });
  for (const [i, n] of STORIES_15.entries()) {
    const nominator = i % 2 === 0 ? liu : verified[i];
    await tx.insert(starNominations).values({
      festivalId: f15Id,
      categoryId: cats15[n.category].id,
      nominatorId: nominator.id,
      nomineeUserId: "nominee" in n ? wang.id : null,
      nomineeName: "nominee" in n ? "王秀英" : n.name,
      building: "building" in n ? n.building : null,
      unit: "unit" in n ? n.unit : null,
      story: n.story,
      status: n.status,
      reason: "reason" in n ? n.reason : null,
    });
  }

  // The 14th: candidates, ballots that add up to the votes above, and the published winners.
  const cats14 = await tx
    .insert(starCategories)
    .values(CATEGORIES.map((c, position) => ({ ...c, festivalId: f14Id, position })))
    .returning({ id: starCategories.id, winners: starCategories.winners });
  const candidates = await tx
    .insert(starNominations)
    .values(
      RESULTS_14.map((r) => ({
        festivalId: f14Id,
        categoryId: cats14[r.category].id,
        nominatorId: liu.id,
        nomineeName: r.name,
        building: r.building,
        story: r.story,
        status: "approved" as const,
        createdAt: new Date("2021-09-15T02:00:00Z"),
      })),
    )
    .returning({ id: starNominations.id });
  // Each vote is one ballot of one of the demo's verified residents (one a household in
  // household mode), cast during the 14th's voting days. The choices were mixed after the close:
  // the counted votes and the receipts are in an order of their own, tied to no ballot.
  const households = [...new Map(verified.filter((v) => v.householdId).map((v) => [v.householdId!, v])).values()];
  let k = 0;
  const ballots: (typeof starBallots.$inferInsert)[] = [];
  const votes: (typeof starVotes.$inferInsert)[] = [];
  const receipts: (typeof starReceipts.$inferInsert)[] = [];
  for (const [c, category] of CATEGORIES.entries()) {
    const pool = category.mode === "household" ? households : verified;
    let next = 0;
    for (const [i, r] of RESULTS_14.entries()) {
      if (r.category !== c) continue;
      for (let v = 0; v < r.votes; v++) {
        const voter = pool[next++];
        k += 1;
        ballots.push({
          festivalId: f14Id,
          categoryId: cats14[c].id,
          voterKey: category.mode === "household" ? `household:${voter.householdId}` : `user:${voter.id}`,
          voterId: voter.id,
          householdId: voter.householdId,
          createdAt: new Date(Date.UTC(2021, 9, 1 + (k % 11), 1 + (k % 12))),
        });
        votes.push({ categoryId: cats14[c].id, candidateId: candidates[i].id });
        receipts.push({ categoryId: cats14[c].id, receipt: newReceipt() });
      }
    }
  }
  await tx.insert(starBallots).values(ballots);
  await tx.insert(starVotes).values(shuffle(votes));
  await tx.insert(starReceipts).values(shuffle(receipts)).onConflictDoNothing();
  const winners = RESULTS_14.map((r, i) => ({ ...r, id: candidates[i].id })).filter(
    (r, _, all) =>
      all.filter((o) => o.category === r.category && o.votes > r.votes).length < cats14[r.category].winners,
  );
  await tx.insert(starWinners).values(
    winners.map((w) => ({
      categoryId: cats14[w.category].id,
      nominationId: w.id,
      rank: winners.filter((o) => o.category === w.category && o.votes > w.votes).length + 1,
      votes: w.votes,
      createdAt: new Date("2021-10-13T02:00:00Z"),
    })),
  );
  await tx
    .update(festivals)
    .set({ starsPublishedAt: new Date("2021-10-13T02:00:00Z") })
    .where(eq(festivals.id, f14Id));
}
