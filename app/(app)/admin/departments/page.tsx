import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { listUsers } from "@/lib/accounts/users";
import { canAdminister } from "@/lib/policy";
import { forbidden } from "next/navigation";
import { CreateDepartmentForm, RenameDepartmentForm } from "./forms";

export default async function DepartmentsPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) forbidden();
  const db = await getDb();
  const [depts, users] = await Promise.all([listDepartments(db), listUsers(db)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">部门管理</h1>
      <div className="card p-4">
        <CreateDepartmentForm />
      </div>
      <div className="card overflow-hidden">
        <table className="table">
          <thead><tr><th className="w-10">颜色</th><th>部门名称</th><th className="w-24">账号数</th></tr></thead>
          <tbody>
            {depts.map((d) => (
              <tr key={d.id}>
                <td><span className="inline-block h-3 w-3 rounded-full" style={{ background: d.color }} /></td>
                <td><RenameDepartmentForm id={d.id} name={d.name} /></td>
                <td>{users.filter((u) => u.departmentId === d.id).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
