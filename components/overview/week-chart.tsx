import { weekLabel } from "@/lib/reports/sheets";
import type { WeekPoint } from "@/lib/reports/types";

// Bar charts that read without colour: each series has its own pattern (solid, hatched), every
// bar has its value written above it and its week below, and a table gives the same numbers.

const W = 640;
const H = 220;
const PAD = { top: 24, right: 8, bottom: 44, left: 8 };

function Chart({
  id,
  title,
  points,
  pattern,
}: {
  id: string;
  title: string;
  points: { label: string; value: number }[];
  pattern: "solid" | "hatch";
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = (W - PAD.left - PAD.right) / Math.max(1, points.length);
  const barW = Math.min(36, slot * 0.6);
  const innerH = H - PAD.top - PAD.bottom;
  const total = points.reduce((n, p) => n + p.value, 0);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={`${id}-title`} className="text-sm font-semibold text-slate-800">
        {title} <span className="font-normal text-slate-500">· tổng {total}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="mt-2 h-auto w-full"
        data-testid={`chart-${id}`}
      >
        <desc id={`${id}-desc`}>{points.map((p) => `Tuần ${p.label}: ${p.value}`).join("; ")}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#1e293b" strokeWidth="3" />
          </pattern>
        </defs>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#94a3b8" />
        {/* Each bar's coordinates to a tenth of a unit; the bars one path, and the attributes the
            values and labels share set once on their group: the page carries the chart twice (HTML
            and React payload). A week with nothing has no bar; its value 0 is written. */}
        {(() => {
          const tenth = (n: number) => Math.round(n * 10) / 10;
          const bars = points.map((p, i) => {
            const h = p.value > 0 ? Math.max(1, tenth((p.value / max) * innerH)) : 0;
            const x = tenth(PAD.left + i * slot + (slot - barW) / 2);
            return { p, h, x, y: tenth(H - PAD.bottom - h), mid: tenth(x + barW / 2) };
          });
          const w = tenth(barW);
          const path = bars
            .filter((b) => b.h > 0)
            .map(({ h, x, y }) => `M${x} ${y}h${w}v${h}h-${w}z`)
            .join("");
          return (
            <>
              {path ? (
                <path
                  d={path}
                  fill={pattern === "solid" ? "#1e3a8a" : `url(#${id}-hatch)`}
                  stroke="#1e293b"
                  data-testid={`chart-${id}-bars`}
                />
              ) : null}
              <g textAnchor="middle" fontSize="12" fontWeight="600" fill="#0f172a">
                {bars.map(({ p, y, mid }) => (
                  <text key={p.label} x={mid} y={Math.round((y - 6) * 10) / 10}>
                    {p.value}
                  </text>
                ))}
              </g>
              <g textAnchor="middle" fontSize="10" fill="#475569">
                {bars.map(({ p, mid }) => (
                  <text key={p.label} x={mid} y={H - PAD.bottom + 16}>
                    {p.label.slice(0, 5)}
                  </text>
                ))}
              </g>
            </>
          );
        })()}
        <text x={W / 2} y={H - 6} textAnchor="middle" fontSize="10" fill="#64748b">
          Tuần bắt đầu từ thứ Hai (ngày/tháng)
        </text>
      </svg>
    </figure>
  );
}

export function WeekCharts({ weeks }: { weeks: WeekPoint[] }) {
  const labels = weeks.map((w) => weekLabel(w.weekStart));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Chart
          id="hoan-thanh"
          title="Nhiệm vụ hoàn thành theo tuần (cột đặc)"
          pattern="solid"
          points={weeks.map((w, i) => ({ label: labels[i]!, value: w.completed }))}
        />
        <Chart
          id="qua-han-moi"
          title="Nhiệm vụ mới quá hạn theo tuần (cột gạch chéo)"
          pattern="hatch"
          points={weeks.map((w, i) => ({ label: labels[i]!, value: w.newlyOverdue }))}
        />
      </div>
      <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Xem số liệu dạng bảng</summary>
        <table className="week-table mt-3 min-w-full text-sm">
          <caption className="sr-only">Hoàn thành và mới quá hạn theo tuần</caption>
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="text-left">
                Tuần
              </th>
              <th scope="col">Hoàn thành</th>
              <th scope="col">Mới quá hạn</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {weeks.map((w, i) => (
              <tr key={w.weekStart}>
                <th scope="row">{labels[i]}</th>
                <td>{w.completed}</td>
                <td>{w.newlyOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
