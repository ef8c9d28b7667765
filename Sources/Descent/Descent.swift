// The library product: `import Descent` brings in the public API of every module.
@_exported import Simulation
