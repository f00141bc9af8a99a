import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient, defaultTransport } from './api/client';
import { watchSessionRefusals } from './officers/session';
import { connectApi } from './store';
import './styles.css';

connectApi(watchSessionRefusals(createClient(defaultTransport())));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
