using System.Globalization;
using System.Text.Json;
using Clinic.Platform.Errors;
using Clinic.Platform.Json;
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

    /// <summary>
    /// A public, read-only response that browsers and proxies may keep for <paramref name="maxAge"/>, with a
    /// strong ETag (a hash of the body); 304 without a body when the request's If-None-Match names it.
    /// Never for personal data: those responses are <see cref="ApiResult.NoStore"/>.
    /// </summary>
    public static ApiResult Public(HttpContext context, object body, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);

        var serialized = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ClinicJson.Options);
        var etag = EntityTags.Of(serialized);
        var result = EntityTags.Matches(context.Request.Headers.IfNoneMatch, etag)
            ? new ApiResult(StatusCodes.Status304NotModified, body: null)
            : new ApiResult(serialized, StatusCodes.Status200OK);
        result.Headers["ETag"] = etag;
        result.Headers["Cache-Control"] = string.Create(
            CultureInfo.InvariantCulture, $"public, max-age={(long)maxAge.TotalSeconds}");
        return result;
    }

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

        // An error answers this request only, and may name what the caller sent: never kept by anyone.
        var result = new ApiResult(status, problem, ProblemContentType);
        result.Headers["Cache-Control"] = "no-store";
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
