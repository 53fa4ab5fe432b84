namespace Clinic.Scheduling.Changes;

/// <summary>
/// Hands committed changes to the modules that react to them (a queue in production). Publishing one change
/// twice is allowed: consumers recognise it by its id.
/// </summary>
public interface IAppointmentChangePublisher
{
    Task PublishAsync(AppointmentChange change, CancellationToken cancellationToken);
}
