/** A two-column table of named text values (metadata_props, settings …); values are text, never HTML. */
export function KeyValueTable({ caption, entries }: { caption: string; entries: readonly (readonly [string, string])[] }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <td>
              <code>{k}</code>
            </td>
            <td className="wrap">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
