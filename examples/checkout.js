// Shows what the pricing page's checkout link carried, as text.
const order = document.getElementById('order');
for (const [name, value] of new URLSearchParams(location.search)) {
  const term = document.createElement('dt');
  term.textContent = name;
  const detail = document.createElement('dd');
  detail.textContent = value;
  order.append(term, detail);
}
