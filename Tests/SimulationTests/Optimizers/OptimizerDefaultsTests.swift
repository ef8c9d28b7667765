import Simulation
import Testing

/// Defaults as PyTorch's constructors have them, and Swift initializers that agree with the catalog.
@Suite struct OptimizerDefaultsTests {}

extension OptimizerDefaultsTests {
    @Test func defaultsMatchPyTorch() throws {
        let expected: [String: String] = [
            "SGD": "SGD(lr=0.001, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False)",
            "Adagrad": "Adagrad(lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, maximize=False)",
            "Adadelta": "Adadelta(lr=1.0, rho=0.9, eps=1e-06, weight_decay=0.0, maximize=False)",
            "RMSprop": "RMSprop(lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0.0, momentum=0.0, centered=False, maximize=False)",
            "Adam": "Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, amsgrad=False, maximize=False, decoupled_weight_decay=False)",
            "AdamW": "AdamW(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01, amsgrad=False, maximize=False, decoupled_weight_decay=True)",
            "NAdam": "NAdam(lr=0.002, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, momentum_decay=0.004, decoupled_weight_decay=False, maximize=False)",
            "RAdam": "RAdam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, decoupled_weight_decay=False, maximize=False)",
            "Adamax": "Adamax(lr=0.002, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, maximize=False)",
            "ASGD": "ASGD(lr=0.01, lambd=0.0001, alpha=0.75, t0=1000000.0, weight_decay=0.0, maximize=False)",
            "Rprop": "Rprop(lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-06, 50.0), maximize=False)",
            "LBFGS": "LBFGS(lr=1.0, max_iter=20, max_eval=25, tolerance_grad=1e-07, tolerance_change=1e-09, history_size=100, line_search_fn=None)",
            "Lion": "Lion(lr=0.0001, betas=(0.9, 0.99), weight_decay=0.0, weight_decouple=True, fixed_decay=False, maximize=False)",
        ]
        for entry in Optimizers.catalog.entries {
            let optimizer = try Optimizers.make(entry.name)
            #expect(optimizer.configuration.description == expected[entry.name])
        }
        let swiftDefaults: [any Optimizer] = [try SGD(), try Adagrad(), try Adadelta(), try RMSprop(), try Adam(),
                                              try AdamW(), try NAdam(), try RAdam(), try Adamax(), try ASGD(), try Rprop(),
                                              try LBFGS(), try Lion()]
        for optimizer in swiftDefaults {
            #expect(optimizer.configuration.description == expected[type(of: optimizer).name])
        }
    }

    @Test func configurationParsesBackToTheSameOptimizer() throws {
        let original = try Optimizers.make("NAdam(lr=0.01, betas=(0.8, 0.99), momentum_decay=0.01, decoupled_weight_decay=True, weight_decay=0.1)")
        let again = try Optimizers.make(original.configuration.description)
        #expect(again.configuration == original.configuration)
    }

    @Test func namesAreCaseInsensitive() throws {
        #expect(type(of: try Optimizers.make("adam")).name == "Adam")
        #expect(type(of: try Optimizers.make("RMSPROP(lr=0.1)")).name == "RMSprop")
        #expect(type(of: try Optimizers.make("adamw")).name == "AdamW")
        #expect(type(of: try Optimizers.make("lbfgs")).name == "LBFGS")
    }

    @Test func lbfgsMaxEvalDefaultsToFiveQuartersOfMaxIter() throws {
        #expect(try LBFGS(maxIter: 7).maxEval == 8)
        #expect(try LBFGS(maxIter: 3, maxEval: 10).maxEval == 10)
        #expect(try Optimizers.make("LBFGS(max_iter=4)").configuration.description.contains("max_eval=5"))
        #expect(try Optimizers.make("LBFGS(line_search_fn='strong_wolfe')").configuration.description.hasSuffix("line_search_fn='strong_wolfe')"))
        #expect(try Optimizers.make("LBFGS(line_search_fn=strong_wolfe)").configuration.description.hasSuffix("line_search_fn='strong_wolfe')"))
    }

    @Test func positionalArgumentsFollowPyTorchsOrder() throws {
        let optimizer = try Optimizers.make("SGD(0.1, 0.9)")
        #expect(optimizer.configuration.description.hasPrefix("SGD(lr=0.1, momentum=0.9,"))
    }
}
