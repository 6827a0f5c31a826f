import { describe, expect, it } from "vitest";
import { filterCandidates, mentionQueryAt } from "./mention-query";
import { mentionCandidates, parseMentions } from "./mentions";

const people = [
  { id: "1", username: "dqb1", name: "李明" },
  { id: "2", username: "dqb2", name: "李明明" },
  { id: "3", username: "reviewer", name: "郭书记" },
];

describe("@mentions", () => {
  it("resolves display names and usernames, the longest name winning, each account once", () => {
    expect(parseMentions("@李明明 请看，@李明 也看，@郭书记、@reviewer", people)).toEqual(["2", "1", "3"]);
    expect(parseMentions("@李明你好", people)).toEqual(["1"]);
    expect(parseMentions("请 @dqb1 处理", people)).toEqual(["1"]);
  });

  it("ignores an @ that names nobody, a username running on, and e-mail addresses", () => {
    expect(parseMentions("@dqb12 @王五 @ 李明 a@b.com", people)).toEqual([]);
    expect(parseMentions("", people)).toEqual([]);
  });

  it("offers only accounts who may read the section", () => {
    const accounts = [
      { id: "e1", username: "jjs1", name: "赵国强", role: "editor" as const, departmentId: "jjs" },
      { id: "e2", username: "dqb1", name: "李明", role: "editor" as const, departmentId: "dqb" },
      { id: "r", username: "reviewer", name: "郭书记", role: "reviewer" as const, departmentId: "dwb" },
      { id: "x", username: "old", name: "停用", role: "admin" as const, departmentId: "dwb", disabled: true },
    ];
    expect(mentionCandidates(accounts, { departmentId: "jjs", state: "draft" }).map((c) => c.id).sort()).toEqual(["e1", "r"]);
  });

  it("the completion: the query at the caret, and the candidates matching it first by prefix", () => {
    expect(mentionQueryAt("请 @李", 4)).toEqual({ start: 2, query: "李" });
    expect(mentionQueryAt("请 @李明 看", 7)).toBeNull();
    expect(mentionQueryAt("没有", 2)).toBeNull();
    expect(filterCandidates(people, "明").map((c) => c.id)).toEqual(["1", "2"]);
    expect(filterCandidates(people, "DQB").map((c) => c.id)).toEqual(["1", "2"]);
    expect(filterCandidates(people, "").length).toBe(3);
    expect(filterCandidates(people, "zz")).toEqual([]);
  });
});
