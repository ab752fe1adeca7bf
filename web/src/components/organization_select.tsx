// Organization pickers for the organizer's forms: one organization (a select with an empty
// choice) or several (a multiple select), each with its error beside it. Names are listed by
// display name; a stored name not in the list stays selectable.
import {useOrganizations} from './organizations';

interface Props {
  id: string;
  label: string;
  error?: string;
}

function useSorted() {
  const organizations = useOrganizations();
  const sorted = [...organizations.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
  return {organizations, sorted};
}

export function OrganizationSelect({id, label, error, value, onChange}: Props & {
  value: string;
  onChange: (name: string) => void;
}) {
  const {organizations, sorted} = useSorted();
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">—</option>
        {sorted.map((o) => <option key={o.name} value={o.name}>{o.displayName} ({o.name})</option>)}
        {value && !organizations.has(value) && <option value={value}>{value}</option>}
      </select>
      {error && <p id={`${id}-error`} class="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function OrganizationsSelect({id, label, error, values, onChange}: Props & {
  values: string[];
  onChange: (names: string[]) => void;
}) {
  const {organizations, sorted} = useSorted();
  const chosen = new Set(values);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} multiple size={4} aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange([...(e.currentTarget as HTMLSelectElement).selectedOptions].map((o) => o.value))}>
        {sorted.map((o) => (
          <option key={o.name} value={o.name} selected={chosen.has(o.name)}>{o.displayName} ({o.name})</option>
        ))}
        {values.filter((v) => !organizations.has(v)).map((v) => <option key={v} value={v} selected>{v}</option>)}
      </select>
      {error && <p id={`${id}-error`} class="field-error" role="alert">{error}</p>}
    </div>
  );
}
