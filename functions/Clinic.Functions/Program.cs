using Clinic.Functions;
using Clinic.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionHandlingMiddleware>();
builder.UseMiddleware<AccessPolicyMiddleware>();
builder.Services.AddClinicModules(builder.Configuration);

builder.Build().Run();
