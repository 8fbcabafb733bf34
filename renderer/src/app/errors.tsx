/**
 * One place where failed Results become visible. Any component calls `report(error)`; the alert
 * region (role=alert, so screen readers announce it) lists them until dismissed.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ErrorInfo } from '../../../shared/result';

interface Alert {
  id: number;
  message: string;
}

interface ErrorsApi {
  report: (error: ErrorInfo | string) => void;
}

const ErrorsContext = createContext<ErrorsApi>({ report: () => {} });

export function useErrors(): ErrorsApi {
  return useContext(ErrorsContext);
}

let nextId = 1;

export function ErrorsProvider({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const report = useCallback((error: ErrorInfo | string) => {
    const message = typeof error === 'string' ? error : error.message;
    // The same message twice in a row is one alert, not a growing pile.
    setAlerts((list) => (list.some((a) => a.message === message) ? list : [...list, { id: nextId++, message }]));
  }, []);
  const value = useMemo(() => ({ report }), [report]);
  const dismiss = (id: number) => setAlerts((list) => list.filter((a) => a.id !== id));
  return (
    <ErrorsContext.Provider value={value}>
      <div className="alerts" role="alert" aria-live="assertive">
        {alerts.map((a) => (
          <div key={a.id} className="alert">
            <span>{a.message}</span>
            <button type="button" className="link" onClick={() => dismiss(a.id)} aria-label="Dismiss message">
              ×
            </button>
          </div>
        ))}
      </div>
      {children}
    </ErrorsContext.Provider>
  );
}
