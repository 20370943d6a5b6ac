// Points the CORS card at another origin of the same server (localhost vs
// 127.0.0.1): it answers without Access-Control-Allow-Origin, so the fetch fails.
const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
document.getElementById('cors').setAttribute('src', `http://${other}:${location.port}/__test__/bundle?case=no-cors`);
