// What a host page needs to size an iframe of the standalone page to its content.
const frame = document.getElementById('quota-frame');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'messaging-quota:height' && Number.isFinite(height)) {
    frame.style.height = `${height}px`;
    frame.dataset.sized = 'true';
  }
});
