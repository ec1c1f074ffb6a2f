import { Badge } from "@/components/ui/badge";

export function AccountStatus({ active, mustChangePassword }: { active: boolean; mustChangePassword: boolean }) {
  if (!active) return <Badge tone="neutral">Đã khóa</Badge>;
  if (mustChangePassword) return <Badge tone="warning">Chờ đổi mật khẩu</Badge>;
  return <Badge tone="success">Đang hoạt động</Badge>;
}
