// A node-opcua server that behaves like an RTU or data logger whose link came back: each tag first holds
// BadWaitingForInitialData stamped now, then the logger replays three whole hours of plant data from two days
// ago (one value per plant minute, at full speed), then live data stamped now follows.
// Usage: node replay-server.js PORT
//
// Pace: node-opcua samples a monitored item on a timer (the client's sampling interval, 50 ms for the
// collector here, as the site model's samplingMs), so a value must be held for longer than one sampling
// interval to be seen. Each replayed minute is held PACE_MS (5 sampling intervals); the next one is scheduled
// only after it, so an overdue sampling timer still fires between two values. The monitored item's queue (the
// collector asks for at least 10) holds 2.5 s of values, far more than a publishing interval.
const { OPCUAServer } = require("node-opcua-server");
const { Variant, DataType } = require("node-opcua-variant");
const { DataValue } = require("node-opcua-data-value");
const { StatusCodes } = require("node-opcua-status-code");

const port = Number(process.argv[2] || 4851);
const NAMESPACE = "urn:plumeline:test:replay";
const PACE_MS = 250;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const REPLAY_HOURS = 3;
// fuel-gas flow per replayed hour (Nm3/h), stepwise so each hour's mass differs; the NCV is steady
const FLOW_PER_HOUR = [1000, 1200, 900];
const NCV = 36.0;

function good(value, ts) {
  return new DataValue({ value: new Variant({ dataType: DataType.Double, value }), statusCode: StatusCodes.Good,
    sourceTimestamp: ts, serverTimestamp: new Date() });
}

(async () => {
  const server = new OPCUAServer({ port, resourcePath: "/replay", buildInfo: { productName: "node-opcua replaying logger" } });
  await server.initialize();
  const space = server.engine.addressSpace;
  const ns = space.registerNamespace(NAMESPACE);
  const logger = ns.addFolder(space.rootFolder.objects, { browseName: "Logger" });
  const now = new Date();
  const waiting = () => new DataValue({ value: new Variant({ dataType: DataType.Double, value: 0 }),
    statusCode: StatusCodes.BadWaitingForInitialData, sourceTimestamp: now, serverTimestamp: now });
  const current = { flow: waiting(), ncv: waiting() };
  for (const [name, nodeId] of [["flow", "s=Logger.FuelGasFlow"], ["ncv", "s=Logger.FuelGasNcv"]]) {
    ns.addVariable({ componentOf: logger, browseName: nodeId.substring(9), nodeId, dataType: "Double",
      minimumSamplingInterval: 50, value: { timestamped_get: () => current[name] } });
  }
  await server.start();
  console.log("replay server ready on " + server.getEndpointUrl() + " namespace " + NAMESPACE);
  process.on("SIGTERM", async () => { await server.shutdown(500); process.exit(0); });

  // Replay starts 40 s after the first subscription: its monitored items have sent the BAD value, and the Flink
  // job has taken it as event time (its idle Kafka partitions stop holding the watermark back after --idleness,
  // 30 s), as on a link that showed BadWaitingForInitialData for a while. Started sooner, the first replayed
  // minutes would come before the watermark moved, and the test would depend on the machine's speed.
  const REPLAY_DELAY_MS = 40_000;
  while (server.engine.currentSubscriptionCount === 0) await new Promise((r) => setTimeout(r, 200));
  console.log("subscribed; replay in " + REPLAY_DELAY_MS / 1000 + " s");
  await new Promise((r) => setTimeout(r, REPLAY_DELAY_MS));
  const start = Math.floor((Date.now() - 2 * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  console.log("replay from " + new Date(start).toISOString() + " to " + new Date(start + REPLAY_HOURS * HOUR_MS).toISOString());
  for (let minute = 0; minute < REPLAY_HOURS * 60; minute++) {
    const ts = new Date(start + minute * MINUTE_MS);
    current.flow = good(FLOW_PER_HOUR[Math.floor(minute / 60)], ts);
    current.ncv = good(NCV, ts);
    await new Promise((r) => setTimeout(r, PACE_MS));
  }
  console.log("replay done: " + REPLAY_HOURS * 60 + " values per tag");
  setInterval(() => { const ts = new Date(); current.flow = good(1000, ts); current.ncv = good(NCV, ts); }, 1000);
})().catch((e) => { console.error(e); process.exit(1); });
