import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from './trpc';

export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.auth.signOut.mutationOptions({
      // Nothing of the previous user stays on screen or in memory.
      onSettled: () => queryClient.resetQueries(),
    }),
  );
  return { run: () => mutation.mutate(), isPending: mutation.isPending };
}
