using Clinic.LogAuditor;

return await AuditorCommand.RunAsync(args, Console.Out, Console.Error);
