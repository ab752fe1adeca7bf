// A labelled select with its error beside it (aria-invalid + aria-describedby), as Field does
// for text.
interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  error?: string;
  onChange: (value: string) => void;
}

export function SelectField(props: SelectFieldProps) {
  const errorId = `${props.id}-error`;
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} aria-invalid={props.error ? true : undefined}
              aria-describedby={props.error ? errorId : undefined}
              onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
      {props.error && <p id={errorId} class="field-error" role="alert">{props.error}</p>}
    </div>
  );
}
