import {
  agendaCells,
  agendaSubtitle,
  agendaTitle,
  countsSentence,
  roman,
  type Agenda,
} from "@/lib/meetings/agenda-text";
import { issuingBody, NATIONAL_MOTTO, NATIONAL_NAME, placeAndDate } from "@/lib/reports/printed-report";

/** The agenda as an A4 page (the same words as the Word file). */
export function AgendaView({ a, preparedOn }: { a: Agenda; preparedOn: string }) {
  const [body, committee] = issuingBody(a.provinceName);
  // STT runs on across the sections: each section's first number.
  const starts = a.sections.map((_, si) => a.sections.slice(0, si).reduce((n, s) => n + s.items.length, 1));
  return (
    <article className="report-page" data-testid="agenda">
      <div className="grid grid-cols-[42%_58%] text-center text-[12pt] leading-snug">
        <div>
          <p>{body}</p>
          <p className="font-bold">{committee}</p>
        </div>
        <div>
          <p className="font-bold">{NATIONAL_NAME}</p>
          <p className="font-bold underline underline-offset-4">{NATIONAL_MOTTO}</p>
          <p className="mt-2 italic">{placeAndDate(a.provinceName, preparedOn)}</p>
        </div>
      </div>
      <h2 className="mt-6 text-center text-[14pt] font-bold">{agendaTitle(a.day)}</h2>
      <p className="mb-3 text-center italic">{agendaSubtitle(a.day)}</p>
      <p className="indent" data-testid="agenda-counts">
        {countsSentence(a.counts)}
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th className="w-[4%]">STT</th>
            <th className="w-[40%]">Nhiệm vụ</th>
            <th className="w-[13%]">Cơ quan</th>
            <th className="w-[12%]">Thời hạn</th>
            <th className="w-[11%]">Tình trạng</th>
            <th className="w-[20%]">Báo cáo gần nhất</th>
          </tr>
        </thead>
        <tbody>
          {a.sections.map((s, si) => (
            <AgendaSectionRows key={s.key} heading={`${roman(si + 1)}. ${s.heading} (${s.items.length} lượt)`}>
              {s.items.map((item, ii) => {
                const c = agendaCells(item, a.by);
                return (
                  <tr key={item.assignmentId} data-testid="agenda-row">
                    <td className="num">{starts[si]! + ii}</td>
                    <td>
                      {c.task}
                      {c.source ? <span className="block text-[9pt] italic">{c.source}</span> : null}
                    </td>
                    <td>{c.agency}</td>
                    <td>
                      <span className="nowrap">{c.due}</span>
                      {c.dueNote ? <span className="block text-[9pt] italic">{c.dueNote}</span> : null}
                    </td>
                    <td>{c.status}</td>
                    <td>{c.report}</td>
                  </tr>
                );
              })}
            </AgendaSectionRows>
          ))}
          {a.sections.length === 0 ? (
            <tr>
              <td colSpan={6} className="text-center">
                Không có nội dung cần xem xét.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </article>
  );
}

function AgendaSectionRows({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <>
      <tr className="group-row">
        <td colSpan={6} className="font-bold" data-testid="agenda-section">
          {heading}
        </td>
      </tr>
      {children}
    </>
  );
}
