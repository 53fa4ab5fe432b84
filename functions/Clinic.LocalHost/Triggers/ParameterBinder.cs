namespace Clinic.LocalHost.Triggers;

/// <summary>Produces one argument of a function call from the trigger's input.</summary>
public delegate object? ParameterBinder<in TInput>(TInput input, CancellationToken cancellationToken);
