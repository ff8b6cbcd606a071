import type { TensorSpec } from '../../../core/protocol/tensor';
import { formatShape } from '../../ui/format';

export function TensorTable({ caption, specs }: { caption: string; specs: readonly TensorSpec[] }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Shape</th>
        </tr>
      </thead>
      <tbody>
        {specs.map((s) => (
          <tr key={s.name}>
            <td>
              <code>{s.name}</code>
            </td>
            <td>{s.dtype}</td>
            <td>{formatShape(s.shape)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
