// An OPC UA server built on node-opcua (not on Milo, which Plumeline uses), so that the collector is tried
// against an implementation the team did not write. Usage: node server.js PORT
const { OPCUAServer } = require("node-opcua-server");
const { Variant, DataType } = require("node-opcua-variant");
const { DataValue } = require("node-opcua-data-value");
const { StatusCodes } = require("node-opcua-status-code");

const port = Number(process.argv[2] || 4850);
const NAMESPACE = "urn:plumeline:test:node-opcua";

(async () => {
  const server = new OPCUAServer({ port, resourcePath: "/foreign", buildInfo: { productName: "node-opcua test plant" } });
  await server.initialize();
  const space = server.engine.addressSpace;
  const ns = space.registerNamespace(NAMESPACE);
  const plant = ns.addFolder(space.rootFolder.objects, { browseName: "Plant" });
  let tick = 0;
  const flow = ns.addVariable({ componentOf: plant, browseName: "FuelGasFlow", nodeId: "s=Plant.FuelGasFlow", dataType: "Double", minimumSamplingInterval: 500,
    value: { get: () => new Variant({ dataType: DataType.Double, value: 1000 + (tick % 10) }) } });
  const counter = ns.addVariable({ componentOf: plant, browseName: "Counter", nodeId: "i=4242", dataType: "Int32", minimumSamplingInterval: 500,
    value: { get: () => new Variant({ dataType: DataType.Int32, value: tick }) } });
  const broken = ns.addVariable({ componentOf: plant, browseName: "BrokenSensor", nodeId: "s=Plant.Broken", dataType: "Double", minimumSamplingInterval: 500,
    value: { timestamped_get: () => new DataValue({ value: new Variant({ dataType: DataType.Double, value: 0 }),
      statusCode: StatusCodes.BadSensorFailure, sourceTimestamp: new Date(), serverTimestamp: new Date() }) } });
  setInterval(() => { tick++; }, 1000);
  await server.start();
  console.log("node-opcua server ready on " + server.getEndpointUrl() + " namespace " + NAMESPACE);
  process.on("SIGTERM", async () => { await server.shutdown(500); process.exit(0); });
})().catch((e) => { console.error(e); process.exit(1); });
