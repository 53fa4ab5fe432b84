using Clinic.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Http;

public static class ResultExtensions
{
    /// <summary>
    /// The response for an outcome: <paramref name="onSuccess"/>'s, or the failure's problem details.
    /// </summary>
    public static ApiResult ToApiResult<T>(
        this Result<T> result,
        HttpContext context,
        Func<T, ApiResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.Succeeded ? onSuccess(result.Value) : ApiResults.Problem(context, result.Failure);
    }
}
