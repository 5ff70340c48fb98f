// The floor of a cold start: plain node answering 200 over HTTP. Arg: <port>.
import { createServer } from "node:http";

createServer((_, response) => response.end("ok")).listen(Number(process.argv[2]), "127.0.0.1");
