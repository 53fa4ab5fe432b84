using Clinic.LocalHost;

await LocalHostApplication.Create(args).RunAsync();
