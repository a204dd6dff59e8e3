import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useText } from './text.ts';

/**
 * "Lưu trữ" for a service, counter or clerk, after a question: archived, it disappears from kiosks and
 * terminals once the configuration is saved but keeps its history in reports. Nothing is deleted, so
 * "Đưa trở lại" undoes it (no question: it removes nothing).
 */
export function ArchiveButton(props: {
  readonly entityName: string;
  readonly isArchived: boolean;
  readonly onChange: (isArchived: boolean) => void;
}) {
  const { t } = useText();
  const [isAsking, setAsking] = useState(false);
  if (props.isArchived)
    return (
      <span className="row">
        <span className="pill pill-closed">{t('admin.archive.archived')}</span>
        <button type="button" onClick={() => props.onChange(false)}>
          {t('admin.archive.restore')}
        </button>
      </span>
    );
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('admin.archive.archive')}
      </button>
      {isAsking && (
        <ConfirmDialog
          title={t('admin.archive.title', { name: props.entityName || t('admin.editor.unnamed') })}
          confirmLabel={t('admin.archive.archive')}
          isDestructive
          onConfirm={() => {
            setAsking(false);
            props.onChange(true);
          }}
          onCancel={() => setAsking(false)}
        >
          <p>{t('admin.archive.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
