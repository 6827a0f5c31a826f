import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "合稿 Hegao",
  description: "各部门协同撰写、逐节审核、自动编号并导出公文格式的工作总结",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
