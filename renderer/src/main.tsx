import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/duplicates.css';
import './styles/forest.css';
import './styles/templates.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
