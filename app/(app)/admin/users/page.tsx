import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { listUsers } from "@/lib/accounts/users";
import { canAdminister } from "@/lib/policy";
import { forbidden } from "next/navigation";
import { CreateUserForm, UserRow } from "./forms";

export default async function UsersPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) forbidden();
  const db = await getDb();
  const [depts, users] = await Promise.all([listDepartments(db), listUsers(db)]);
  const options = depts.map((d) => ({ id: d.id, name: d.name }));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">账号管理</h1>
      <section className="card p-4" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading" className="mb-3 font-medium">新建账号</h2>
        <CreateUserForm departments={options} />
      </section>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead>
            <tr><th>用户名</th><th>姓名</th><th>登录</th><th>部门 / 角色 / 状态</th><th>重置密码（同时解锁）</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} departments={options} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
