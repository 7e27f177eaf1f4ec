import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chosenFileProblem } from './files';

/**
 * The file an upload control holds, with the quick check's message in the user's language
 * (the API checks the bytes again).
 */
export function useChosenFile() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    const problem = chosen ? chosenFileProblem(chosen) : null;
    setError(problem ? t(problem, { ns: 'errors', keySeparator: false }) : null);
  };
  return { file, error, choose, clear: () => setFile(null) };
}
