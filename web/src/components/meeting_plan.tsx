// The organizer's editor of an event's meeting plan (GetMeetingPlan / UpdateMeetingPlan): the
// slots (start and end in local time; a new slot follows the last with the same length and a
// 5-minute break), the number of tables and the most meetings per participant. Saving replaces
// the plan (the etag guards against a change made meanwhile) and drops unlocked meetings, so
// the page asks to schedule again; each refused slot or number shows beside it.
import {create} from '@bufbuild/protobuf';
import {timestampDate, timestampFromDate} from '@bufbuild/protobuf/wkt';
import {Code, ConnectError} from '@connectrpc/connect';
import {useEffect, useState} from 'preact/hooks';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import {TimeSlotSchema, type MeetingPlan} from '../gen/techmatch/v1/meeting_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';
import {ErrorBanner, Field} from './field';

interface SlotDraft {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
// A Date as a datetime-local input's value (local time, minutes).
function localInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${
      pad(date.getMinutes())}`;
}

const kMinute = 60_000;

export function MeetingPlanEditor({event, onSaved}: {event: Fair; onSaved: () => void}) {
  const {t} = useI18n();
  const [plan, setPlan] = useState<MeetingPlan | null>(null);
  const [slots, setSlots] = useState<SlotDraft[]>([]);
  const [tables, setTables] = useState('');
  const [maxMeetings, setMaxMeetings] = useState('0');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [status, setStatus] = useState('');
  const [loaded, setLoaded] = useState(false);
  const name = `${event.name}/meetingPlan`;

  function show(found: MeetingPlan | null) {
    setPlan(found);
    setSlots(found?.slots.map((s) => ({
      start: s.startTime ? localInput(timestampDate(s.startTime)) : '',
      end: s.endTime ? localInput(timestampDate(s.endTime)) : '',
    })) ?? []);
    setTables(found ? String(found.tableCount) : '10');
    setMaxMeetings(found ? String(found.maxMeetingsPerParticipant) : '0');
    setLoaded(true);
  }
  useEffect(() => {
    setLoaded(false);
    setErrors(new Map());
    setStatus('');
    api.matches().getMeetingPlan({name}).then(show, (e) => {
      if (e instanceof ConnectError && e.code === Code.NotFound) {
        show(null);
      } else {
        setErrors(new Map([['', errorMessage(e, t)]]));
      }
    });
  }, [name]);

  function addSlot() {
    const last = slots[slots.length - 1];
    const start = last ? new Date(new Date(last.end).getTime() + 5 * kMinute)
      : event.startTime ? timestampDate(event.startTime) : new Date();
    const length = last ? new Date(last.end).getTime() - new Date(last.start).getTime() : 20 * kMinute;
    const end = new Date(start.getTime() + (length > 0 ? length : 20 * kMinute));
    setSlots([...slots, {start: localInput(start), end: localInput(end)}]);
  }

  function setSlot(i: number, part: 'start' | 'end', value: string) {
    setSlots(slots.map((s, j) => (j === i ? {...s, [part]: value} : s)));
  }

  async function save(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const parsed = slots.map((s, i) => {
      const start = new Date(s.start);
      const end = new Date(s.end);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
        local.set(`meeting_plan.slots[${i}]`, t.slotBadTime);
      }
      return create(TimeSlotSchema, {startTime: timestampFromDate(start), endTime: timestampFromDate(end)});
    });
    const tableCount = Number(tables);
    if (!Number.isInteger(tableCount)) local.set('meeting_plan.table_count', t.wholeNumberBad);
    const limit = Number(maxMeetings || '0');
    if (!Number.isInteger(limit)) local.set('meeting_plan.max_meetings_per_participant', t.wholeNumberBad);
    setErrors(local);
    if (local.size > 0) return;
    try {
      const saved = await api.matches().updateMeetingPlan({
        meetingPlan: {name, slots: parsed, tableCount, maxMeetingsPerParticipant: limit, etag: plan?.etag ?? ''},
      });
      show(saved);
      setStatus(t.planSaved);
      onSaved();
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    }
  }

  const slotError = (i: number) => [...errors].filter(([p]) => p === `meeting_plan.slots[${i}]` ||
    p.startsWith(`meeting_plan.slots[${i}].`)).map(([, m]) => m).join('; ');
  const owned = (p: string) => /^meeting_plan\.slots\[\d+\]/.test(p) ||
    p === 'meeting_plan.table_count' || p === 'meeting_plan.max_meetings_per_participant';
  const unowned = [...errors].filter(([p]) => !owned(p)).map(([p, m]) => (p ? `${p}: ${m}` : m));
  if (!loaded) return <p>{t.loading}</p>;
  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="plan-title">
      <h4 id="plan-title">{t.meetingPlan}</h4>
      <ErrorBanner messages={unowned} />
      <p class="notice" role="status">{status}</p>
      {!plan && <p>{t.noPlan}</p>}
      <ol class="slots">
        {slots.map((s, i) => {
          const error = slotError(i);
          const errorId = `plan-slot-${i}-error`;
          return (
            <li key={i} class={error ? 'field-invalid' : ''}>
              <fieldset>
                <legend>{t.slot} {i + 1}</legend>
                <label for={`plan-slot-${i}-start`}>{t.slotStart}</label>
                <input id={`plan-slot-${i}-start`} type="datetime-local" value={s.start}
                       aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
                       onInput={(e) => setSlot(i, 'start', (e.currentTarget as HTMLInputElement).value)} />
                <label for={`plan-slot-${i}-end`}>{t.slotEnd}</label>
                <input id={`plan-slot-${i}-end`} type="datetime-local" value={s.end}
                       aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
                       onInput={(e) => setSlot(i, 'end', (e.currentTarget as HTMLInputElement).value)} />
                <button type="button" class="danger" aria-label={`${t.removeSlot} ${i + 1}`}
                        onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  {t.removeSlot}
                </button>
                {error && <p id={errorId} class="field-error" role="alert">{error}</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" class="secondary" onClick={addSlot}>{t.addSlot}</button>
      <Field id="plan-tables" label={t.tableCount} value={tables} onInput={setTables} inputMode="numeric"
             error={errors.get('meeting_plan.table_count')} />
      <Field id="plan-max" label={t.maxMeetings} value={maxMeetings} onInput={setMaxMeetings}
             inputMode="numeric" error={errors.get('meeting_plan.max_meetings_per_participant')} />
      <div class="actions">
        <button type="submit">{t.savePlan}</button>
      </div>
    </form>
  );
}
