// The blog's own night-mode switch: a class on <html>, as many themes do it.
const button = document.getElementById('toggle');
button.addEventListener('click', () => {
  const night = document.documentElement.classList.toggle('night');
  button.setAttribute('aria-pressed', String(night));
});
