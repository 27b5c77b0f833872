import type { ReactNode } from 'react';

/** A scrollable table with one header row; the rows are the children (procedures screens share this frame). */
export function HeadedTable({ headers, children }: { headers: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
