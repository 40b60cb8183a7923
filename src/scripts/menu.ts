/** The sidebar on a phone: a button opens and closes it. */
export function setupMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-button');
  const sidebar = document.getElementById('sidebar');
  if (!button || !sidebar) return;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    sidebar.classList.toggle('open', open);
  });
}
