// An HTTP handler built with `jco componentize` (StarlingMonkey's fetch event):
//   /trap          throws (the host answers 500)
//   /spin          never returns (the host stops it at its deadline: 503)
//   /fetch?url=U   fetches U and answers its status and body as JSON (or 502 with the error)
//   /chunks?n=N    a body of N lines, in one piece; /slow?n=N the same, a line every 30 ms
//   anything else  a JSON echo of the method, path, query, headers and body (its length and byte sum)
addEventListener('fetch', (event) => event.respondWith(handle(event.request)));

function json(value, status = 200) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json', 'x-echo': 'yes', 'set-cookie': 'a=1' },
  });
}

function lines(n, delay) {
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      if (i >= n) {
        controller.close();
        return;
      }
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      controller.enqueue(new TextEncoder().encode(`chunk ${i++}\n`));
    },
  });
}

async function handle(request) {
  const url = new URL(request.url);
  const n = Number(url.searchParams.get('n') || '5');
  switch (url.pathname) {
    case '/trap':
      throw new Error('this route fails on purpose');
    case '/spin':
      for (;;) {}
    case '/fetch':
      try {
        const r = await fetch(url.searchParams.get('url'));
        return json({ status: r.status, body: await r.text() });
      } catch (e) {
        return json({ error: String(e) }, 502);
      }
    case '/chunks':
      return new Response(lines(n, 0), { headers: { 'content-type': 'text/plain', 'x-chunks': String(n) } });
    case '/slow':
      return new Response(lines(n, 30), { headers: { 'content-type': 'text/plain', 'x-chunks': String(n) } });
  }
  const body = new Uint8Array(await request.arrayBuffer());
  let sum = 0;
  for (const b of body) sum = (sum + b) >>> 0;
  const headers = {};
  for (const [k, v] of request.headers) headers[k] = v;
  return json({
    method: request.method,
    path: url.pathname,
    query: url.search,
    headers,
    bodyLength: body.length,
    bodySum: sum,
  });
}
