// The library product: `import Descent` brings in the public API of every module.
@_exported import CairoBackend
@_exported import Plotting
@_exported import Simulation
@_exported import Specs
