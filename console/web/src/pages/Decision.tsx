import { useState } from 'react';
import { postJson } from '../api';
import { ErrorMessage } from '../components';
import type { OrchestratorDeployment } from '../types';

/** Approve or reject a deployment awaiting approval, with an optional comment. */
export function Decision({ deploymentId, label, onDecided }: { deploymentId: string; label: string; onDecided: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = `comment-${deploymentId}`;

  const decide = async (action: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const result = await postJson<OrchestratorDeployment>(`/api/v1/deployments/${deploymentId}/${action}`, {
        comment: comment.trim() || null,
      });
      setDone(`${action === 'approve' ? 'Approved' : 'Rejected'}: now ${result.status}.`);
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision">
      <label htmlFor={commentId}>Comment on {label} (optional)</label>
      <input id={commentId} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      <button type="button" className="primary" disabled={busy || !!done} onClick={() => decide('approve')}>
        Approve {label}
      </button>
      <button type="button" className="danger" disabled={busy || !!done} onClick={() => decide('reject')}>
        Reject {label}
      </button>
      {done && <p role="status">{done}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
