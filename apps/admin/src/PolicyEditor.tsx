import type { SatisfactionLevel } from '@luot/shared/domain';
import { DEFAULT_SATISFACTION_LEVELS, asPriorityGroupId } from '@luot/shared/domain';
import { AnnouncementVoice } from './AnnouncementVoice.tsx';
import type { EditorProps } from './ConfigScreen.tsx';
import { TextListEditor, TimeOfDayInput, freshId } from './editor-parts.tsx';
import { useText } from './text.ts';

const SCALES: Record<3 | 4 | 5, readonly SatisfactionLevel[]> = {
  3: [
    { value: 3, label: { vi: 'Hài lòng', en: 'Satisfied' }, isSatisfied: true },
    { value: 2, label: { vi: 'Bình thường', en: 'Neutral' }, isSatisfied: false },
    { value: 1, label: { vi: 'Không hài lòng', en: 'Dissatisfied' }, isSatisfied: false },
  ],
  4: DEFAULT_SATISFACTION_LEVELS,
  5: [
    { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' }, isSatisfied: true },
    { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' }, isSatisfied: true },
    { value: 3, label: { vi: 'Bình thường', en: 'Neutral' }, isSatisfied: false },
    { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' }, isSatisfied: false },
    { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' }, isSatisfied: false },
  ],
};

/** Queue policy, priority groups, the satisfaction scale and low-rating reasons, announcements, terminals. */
export function PolicyEditor(editor: EditorProps) {
  const { draft, onChange, messagesAt } = editor;
  const { t } = useText();
  const { policy, satisfaction, announcement, terminals } = draft;
  const number = (value: string, min: number, max: number): number =>
    Math.min(max, Math.max(min, Number(value) || min));
  return (
    <div className="stack">
      <section className="panel form-grid">
        <h2 className="wide">{t('admin.policy.queue')}</h2>
        <label>
          {t('admin.policy.priorityBound')}
          <input
            type="number"
            min={1}
            max={100}
            value={policy.priorityBound}
            onChange={(e) =>
              onChange({ ...draft, policy: { ...policy, priorityBound: number(e.target.value, 1, 100) } })
            }
          />
        </label>
        <label>
          {t('admin.policy.recallLimit')}
          <input
            type="number"
            min={0}
            max={10}
            value={policy.recallLimit}
            onChange={(e) =>
              onChange({ ...draft, policy: { ...policy, recallLimit: number(e.target.value, 0, 10) } })
            }
          />
        </label>
        <label>
          {t('admin.policy.grace')}
          <input
            type="number"
            min={0}
            max={1440}
            value={policy.noShowGraceMinutes}
            onChange={(e) =>
              onChange({
                ...draft,
                policy: { ...policy, noShowGraceMinutes: number(e.target.value, 0, 1440) },
              })
            }
          />
        </label>
        <div className="wide">
          <TextListEditor
            label={t('admin.policy.priorityGroups')}
            addLabel={t('admin.policy.addPriorityGroup')}
            items={draft.priorityGroups.map((group) => group.name)}
            messagesOf={(index) =>
              messagesAt({ entity: 'priorityGroup', id: draft.priorityGroups[index]?.id ?? null })
            }
            onChange={(names, sources) => {
              // Each row keeps its id as it moves (a ticket stores its group by id); a new row gets a fresh one.
              const taken = draft.priorityGroups.map((group) => group.id as string);
              onChange({
                ...draft,
                priorityGroups: names.map((text, index) => {
                  const source = sources[index];
                  const known =
                    source === null || source === undefined ? undefined : draft.priorityGroups[source];
                  if (known) return { ...known, name: text };
                  const id = freshId('nhom', taken);
                  taken.push(id);
                  return { id: asPriorityGroupId(id), name: text };
                }),
              });
            }}
          />
        </div>
      </section>

      <section className="panel form-grid">
        <h2 className="wide">{t('admin.policy.satisfaction')}</h2>
        <label>
          {t('admin.policy.levels')}
          <select
            value={satisfaction.levels.length}
            onChange={(e) =>
              onChange({
                ...draft,
                satisfaction: { ...satisfaction, levels: SCALES[Number(e.target.value) as 3 | 4 | 5] },
              })
            }
          >
            <option value={3}>3</option>
            <option value={4}>4</option>
            <option value={5}>5</option>
          </select>
        </label>
        <table className="wide">
          <thead>
            <tr>
              <th className="num">{t('admin.policy.value')}</th>
              <th>{t('admin.common.nameVi')}</th>
              <th>{t('admin.common.nameEn')}</th>
              <th>{t('admin.policy.isSatisfied')}</th>
            </tr>
          </thead>
          <tbody>
            {satisfaction.levels.map((level, index) => {
              const set = (patch: Partial<SatisfactionLevel>): void =>
                onChange({
                  ...draft,
                  satisfaction: {
                    ...satisfaction,
                    levels: satisfaction.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)),
                  },
                });
              return (
                <tr key={level.value}>
                  <td className="num">{level.value}</td>
                  <td>
                    <input
                      aria-label={`${t('admin.common.nameVi')} — ${level.value}`}
                      value={level.label.vi}
                      onChange={(e) => set({ label: { ...level.label, vi: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('admin.common.nameEn')} — ${level.value}`}
                      value={level.label.en}
                      onChange={(e) => set({ label: { ...level.label, en: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={level.isSatisfied}
                      onChange={(e) => set({ isSatisfied: e.target.checked })}
                      aria-label={t('admin.policy.isSatisfied')}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="wide">
          <TextListEditor
            label={t('admin.policy.reasons')}
            addLabel={t('admin.policy.addReason')}
            items={satisfaction.lowRatingReasons}
            messagesOf={(index) => messagesAt({ entity: 'lowRatingReason', id: String(index) })}
            onChange={(lowRatingReasons) =>
              onChange({ ...draft, satisfaction: { ...satisfaction, lowRatingReasons } })
            }
          />
        </div>
      </section>

      <section className="panel form-grid">
        <h2 className="wide">{t('admin.policy.announcement')}</h2>
        <label className="wide">
          {t('admin.policy.template')}
          <input
            value={announcement.template}
            onChange={(e) =>
              onChange({ ...draft, announcement: { ...announcement, template: e.target.value } })
            }
          />
        </label>
        <AnnouncementVoice {...editor} />
        <label>
          {t('admin.policy.style')}
          <select
            value={announcement.style}
            onChange={(e) =>
              onChange({
                ...draft,
                announcement: {
                  ...announcement,
                  style: e.target.value === 'whole-number' ? 'whole-number' : 'by-character',
                },
              })
            }
          >
            <option value="by-character">{t('admin.policy.styleByCharacter')}</option>
            <option value="whole-number">{t('admin.policy.styleWhole')}</option>
          </select>
        </label>
        <label>
          {t('admin.policy.repeat')}
          <input
            type="number"
            min={1}
            max={3}
            value={announcement.repeat}
            onChange={(e) =>
              onChange({ ...draft, announcement: { ...announcement, repeat: number(e.target.value, 1, 3) } })
            }
          />
        </label>
        <label>
          {t('admin.policy.volume')}
          <input
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={announcement.volume}
            onChange={(e) =>
              onChange({ ...draft, announcement: { ...announcement, volume: Number(e.target.value) } })
            }
          />
        </label>
        <label>
          {t('admin.policy.voice')}
          <select
            value={announcement.voice}
            onChange={(e) =>
              onChange({
                ...draft,
                announcement: { ...announcement, voice: e.target.value === 'browser' ? 'browser' : 'clips' },
              })
            }
          >
            <option value="clips">{t('admin.policy.voiceClips')}</option>
            <option value="browser">{t('admin.policy.voiceBrowser')}</option>
          </select>
        </label>
        <fieldset className="quiet-hours">
          <legend>{t('admin.policy.quietHours')}</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={announcement.quietHours !== null}
              onChange={(e) =>
                onChange({
                  ...draft,
                  announcement: {
                    ...announcement,
                    quietHours: e.target.checked ? { from: '12:00', to: '13:00' } : null,
                  },
                })
              }
            />
            {t('admin.policy.quietHoursOn')}
          </label>
          {announcement.quietHours && (
            <span className="row">
              <TimeOfDayInput
                label={t('admin.policy.quietFrom')}
                value={announcement.quietHours.from}
                onChange={(from) =>
                  onChange({
                    ...draft,
                    announcement: { ...announcement, quietHours: { ...announcement.quietHours!, from } },
                  })
                }
              />
              –
              <TimeOfDayInput
                label={t('admin.policy.quietTo')}
                value={announcement.quietHours.to}
                onChange={(to) =>
                  onChange({
                    ...draft,
                    announcement: { ...announcement, quietHours: { ...announcement.quietHours!, to } },
                  })
                }
              />
            </span>
          )}
        </fieldset>
        <label>
          {t('admin.policy.idleSignOut')}
          <input
            type="number"
            min={1}
            value={terminals.idleSignOutMinutes}
            onChange={(e) =>
              onChange({
                ...draft,
                terminals: { ...terminals, idleSignOutMinutes: number(e.target.value, 1, 1440) },
              })
            }
          />
        </label>
        <label>
          {t('admin.policy.feedbackIdle')}
          <input
            type="number"
            min={5}
            value={terminals.feedbackIdleSeconds}
            onChange={(e) =>
              onChange({
                ...draft,
                terminals: { ...terminals, feedbackIdleSeconds: number(e.target.value, 5, 600) },
              })
            }
          />
        </label>
      </section>
    </div>
  );
}
