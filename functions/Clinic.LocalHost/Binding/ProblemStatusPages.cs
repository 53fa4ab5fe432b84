using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// Gives the host's own refusals (no such route, wrong verb, body too large for the server) a problem-details
/// body like every other error, instead of an empty one.
/// </summary>
public static class ProblemStatusPages
{
    public static IApplicationBuilder UseProblemStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var failure = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => Failure.NotFound(
                    "route-not-found", "There is no such route."),
                StatusCodes.Status405MethodNotAllowed => new Failure(
                    FailureKind.MethodNotAllowed,
                    "method-not-allowed",
                    "This route does not take that method."),
                StatusCodes.Status413PayloadTooLarge => RequestLimits.TooLarge,
                _ => new Failure(FailureKind.Validation, "bad-request", "The request could not be read."),
            };

            var problem = ApiResults.Problem(http, failure);
            await problem.ExecuteResultAsync(
                new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        });
}
