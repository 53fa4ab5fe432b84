using Clinic.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
ClinicFunctionsHost.Configure(builder);
builder.Build().Run();
