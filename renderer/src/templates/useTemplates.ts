/** The review's templates, loaded when a form or view opens (so a saved edit shows at once). */
import { useCallback, useEffect, useState } from 'react';
import type { Template } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';

export function useTemplates() {
  const { report } = useErrors();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const reload = useCallback(async () => {
    const result = await api['templates.list']({});
    if (result.ok) setTemplates(result.value);
    else report(result.error);
  }, [report]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { templates, setTemplates, reload };
}
