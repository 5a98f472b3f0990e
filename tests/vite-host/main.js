// The browser's entry: hydrates the server-rendered app, under StrictMode (effects twice).
import { StrictMode, createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';

hydrateRoot(document.getElementById('root'), createElement(StrictMode, null, createElement(App)));
