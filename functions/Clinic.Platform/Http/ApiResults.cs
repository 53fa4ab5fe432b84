using Clinic.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Platform.Http;

/// <summary>
/// The responses a function may give: JSON bodies, or RFC 7807 problem details for every failure.
/// </summary>
public static class ApiResults
{
    public const string ProblemContentType = "application/problem+json";

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Created(string location, object body)
    {
        var result = new ApiResult(StatusCodes.Status201Created, body);
        result.Headers["Location"] = location;
        return result;
    }

    /// <summary>Work was started; <paramref name="location"/> is where to follow it.</summary>
    public static ApiResult Accepted(string location, object body)
    {
        var result = new ApiResult(StatusCodes.Status202Accepted, body);
        result.Headers["Location"] = location;
        return result;
    }

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, null);

    public static ApiResult Problem(HttpContext context, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);

        var status = ProblemTypes.StatusFor(failure.Kind);
        RequestLog.Refused(context, failure, status);
        ProblemDetails problem = failure.Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(failure.Errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Type = ProblemTypes.UriFor(failure.Code);
        problem.Title = failure.Title;
        problem.Status = status;
        problem.Extensions["correlationId"] = CorrelationIds.Get(context);

        var result = new ApiResult(status, problem, ProblemContentType);
        if (failure.Kind == FailureKind.Unavailable)
            result.Headers["Retry-After"] = "5";
        return result;
    }

    /// <summary>The answer to an error nobody anticipated: nothing but a correlation id to quote.</summary>
    public static ApiResult Unexpected(HttpContext context) =>
        Problem(context, new Failure(
            FailureKind.Unexpected,
            ProblemTypes.UnexpectedCode,
            "Something went wrong on our side. Please try again."));
}
