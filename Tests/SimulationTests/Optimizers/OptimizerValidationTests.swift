import Simulation
import Testing

/// PyTorch's argument checks: the same invalid values are refused with the same messages.
@Suite struct OptimizerValidationTests {}

extension OptimizerValidationTests {
    @Test(arguments: [
        ("SGD(lr=-0.1)", "Invalid learning rate: -0.1"),
        ("SGD(lr=0.1, momentum=-0.5)", "Invalid momentum value: -0.5"),
        ("SGD(weight_decay=-1.0)", "Invalid weight_decay value: -1.0"),
        ("SGD(lr=0.1, nesterov=True)", "Nesterov momentum requires a momentum and zero dampening"),
        ("SGD(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)", "Nesterov momentum requires a momentum and zero dampening"),
        ("Adagrad(lr_decay=-0.1)", "Invalid lr_decay value: -0.1"),
        ("Adagrad(initial_accumulator_value=-1.0)", "Invalid initial_accumulator_value value: -1.0"),
        ("Adagrad(eps=-1e-10)", "Invalid epsilon value: -1e-10"),
        ("Adadelta(rho=1.5)", "Invalid rho value: 1.5"),
        ("Adadelta(rho=-0.1)", "Invalid rho value: -0.1"),
        ("RMSprop(alpha=-0.9)", "Invalid alpha value: -0.9"),
        ("RMSprop(momentum=-0.9)", "Invalid momentum value: -0.9"),
        ("Adam(betas=(1.0, 0.999))", "Invalid beta parameter at index 0: 1.0"),
        ("Adam(betas=(0.9, -0.1))", "Invalid beta parameter at index 1: -0.1"),
        ("Adam(eps=-1.0)", "Invalid epsilon value: -1.0"),
        ("AdamW(lr=nan)", "Invalid learning rate: nan"),
        ("NAdam(momentum_decay=-0.004)", "Invalid momentum_decay value: -0.004"),
        ("RAdam(weight_decay=-0.1)", "Invalid weight_decay value: -0.1"),
    ])
    func refusesWhatPyTorchRefuses(_ text: String, _ message: String) {
        #expect {
            _ = try Optimizers.make(text)
        } throws: { error in
            (error as? InputError)?.message.hasSuffix(message) == true
        }
    }

    @Test(arguments: ["SGD(lr=0.1, momentum=0.9, nesterov=True)", "Adadelta(rho=1.0)", "Adadelta(rho=0)",
                      "Adam(betas=(0, 0))", "SGD(dampening=-0.5, momentum=0.9)", "AdamW(decoupled_weight_decay=True)",
                      "Adam(lr=0)", "RMSprop(alpha=0)"])
    func acceptsWhatPyTorchAccepts(_ text: String) throws {
        _ = try Optimizers.make(text)
    }

    @Test func adamWRefusesCoupledDecay() {
        #expect(throws: InputError.self) { try Optimizers.make("AdamW(decoupled_weight_decay=False)") }
    }

    @Test func errorsPointAtTheOffendingArgument() throws {
        let error = try #require(throws: InputError.self) { try Optimizers.make("Adam(lr=0.1, betas=(0.9, 1.5))") }
        #expect(error.column == 14)
        #expect(error.message == "Adam: Invalid beta parameter at index 1: 1.5")
    }
}

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
        ]
        for entry in Optimizers.catalog.entries {
            let optimizer = try Optimizers.make(entry.name)
            #expect(optimizer.configuration.description == expected[entry.name])
        }
        let swiftDefaults: [any Optimizer] = [try SGD(), try Adagrad(), try Adadelta(), try RMSprop(), try Adam(),
                                              try AdamW(), try NAdam(), try RAdam()]
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
    }

    @Test func positionalArgumentsFollowPyTorchsOrder() throws {
        let optimizer = try Optimizers.make("SGD(0.1, 0.9)")
        #expect(optimizer.configuration.description.hasPrefix("SGD(lr=0.1, momentum=0.9,"))
    }
}
